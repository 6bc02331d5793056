// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Driver for the Quill QS-40 ambient light sensor.
 *
 * Copyright (C) 2021 Halvard Nygaard
 */

#include <linux/module.h>
#include <linux/i2c.h>

#define QS40_REG_LUX	0x04

static int qs40_read_lux(struct i2c_client *client)
{
	return i2c_smbus_read_word_data(client, QS40_REG_LUX);
}

MODULE_AUTHOR("Halvard Nygaard");
MODULE_DESCRIPTION("Quill QS-40 light sensor driver");
MODULE_LICENSE("Dual BSD/GPL");
