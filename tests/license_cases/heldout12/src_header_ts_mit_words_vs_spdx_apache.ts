// SPDX-License-Identifier: Apache-2.0
//
// rate-window.ts - sliding-window rate limiter for the gateway
//
// Copyright (c) 2023 Kiruna Cloud Tools AB
//
// Permission is hereby granted, free of charge, to any person obtaining a copy of this file, to
// deal in it without restriction under the terms of the MIT License; see LICENSE-MIT at the root
// of this repository.

export interface RateWindowOptions {
  /** window length in milliseconds */
  windowMs: number;
  /** most requests allowed inside one window */
  limit: number;
}

export class RateWindow {
  private readonly hits: number[] = [];

  constructor(private readonly options: RateWindowOptions) {}

  /** Returns true when one more request fits in the current window, and records it. */
  tryAcquire(now: number = Date.now()): boolean {
    const start = now - this.options.windowMs;
    while (this.hits.length > 0 && this.hits[0] <= start) {
      this.hits.shift();
    }
    if (this.hits.length >= this.options.limit) {
      return false;
    }
    this.hits.push(now);
    return true;
  }
}
