/* Software floating-point helpers for the Koyo RISC-V toolchain port.
   Copyright (C) 2020-2024 Koyo Embedded Systems Co., Ltd.

This file is part of the Koyo runtime support library.

This library is free software; you can redistribute it and/or modify it under
the terms of the GNU General Public License as published by the Free
Software Foundation; either version 3, or (at your option) any later
version.

This library is distributed in the hope that it will be useful, but WITHOUT ANY
WARRANTY; without even the implied warranty of MERCHANTABILITY or
FITNESS FOR A PARTICULAR PURPOSE.  See the GNU General Public License
for more details.

Under Section 7 of GPL version 3, you are granted additional
permissions described in the GCC Runtime Library Exception, version
3.1, as published by the Free Software Foundation.

You should have received a copy of the GNU General Public License and
a copy of the GCC Runtime Library Exception along with this program;
see the files COPYING3 and COPYING.RUNTIME respectively.  If not, see
<http://www.gnu.org/licenses/>.  */

#include "koyo-softfp.h"

float
__koyo_addsf3 (float a, float b)
{
  FP_DECL_EX;
  FP_DECL_S (A); FP_DECL_S (B); FP_DECL_S (R);
  FP_UNPACK_SEMIRAW_S (A, a);
  FP_UNPACK_SEMIRAW_S (B, b);
  FP_ADD_S (R, A, B);
  return FP_PACK (R);
}
