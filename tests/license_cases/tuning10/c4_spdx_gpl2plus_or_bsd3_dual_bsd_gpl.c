/* SPDX-License-Identifier: GPL-2.0-or-later OR BSD-3-Clause */
/*
 * Wren WL-2 LED controller.
 *
 * Copyright (c) 2020 Casimir Oduya
 */
#include <linux/module.h>

static int wl2_init(void) { return 0; }

module_init(wl2_init);
MODULE_LICENSE("Dual BSD/GPL");
MODULE_DESCRIPTION("Wren WL-2 LED controller");
