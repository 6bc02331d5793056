/* SPDX-License-Identifier: (GPL-2.0-only OR BSD-2-Clause) */
/*
 * Register map of the Plover PL-9 radio.
 *
 * Copyright (C) 2021 Aigerim Sadykova
 *
 * This file is dual licensed: you can use it under either the GPL or the BSD license, at your option.
 */
#ifndef PL9_REGS_H
#define PL9_REGS_H
#define PL9_CTRL 0x00
#endif
