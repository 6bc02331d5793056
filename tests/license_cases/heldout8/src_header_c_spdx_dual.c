// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * ring_stats.c - per-queue counters for the burrow packet ring
 *
 * Copyright (C) 2022-2024 Ilse Marquardt <ilse@burrow.example.de>
 */

#include <stdint.h>
#include <string.h>

#include "ring_stats.h"

void ring_stats_reset(struct ring_stats *st)
{
	memset(st, 0, sizeof(*st));
}

void ring_stats_add(struct ring_stats *st, uint32_t bytes, int dropped)
{
	st->packets++;
	st->bytes += bytes;
	if (dropped)
		st->drops++;
}
