// SPDX-License-Identifier: GPL-2.0-only
/*
 * Finch FN-3 fan controller.
 *
 * Copyright (C) 2019 Oskari Lehtovaara
 */
#include <linux/module.h>
#include <linux/platform_device.h>

static int fn3_probe(struct platform_device *pdev) { return 0; }

MODULE_DESCRIPTION("Finch FN-3 fan controller");
MODULE_AUTHOR("Oskari Lehtovaara");
MODULE_LICENSE("GPL v2");
