// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Heron HX-7 humidity sensor driver.
 *
 * Copyright (C) 2022 Pernille Aasgaard
 */

#include <linux/module.h>
#include <linux/i2c.h>

static int hx7_probe(struct i2c_client *client)
{
	return 0;
}

MODULE_AUTHOR("Pernille Aasgaard");
MODULE_DESCRIPTION("Heron HX-7 humidity sensor");
MODULE_LICENSE("Dual MIT/GPL");
