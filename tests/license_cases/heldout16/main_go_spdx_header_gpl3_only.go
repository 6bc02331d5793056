// SPDX-License-Identifier: GPL-3.0-only
// SPDX-FileCopyrightText: 2024 Yusuf Demirci <yusuf@example.com>

// Command tidewatch polls harbour sensors and writes hourly summaries.
package main

import (
	"fmt"
	"time"
)

func main() {
	for {
		fmt.Println("poll", time.Now().UTC().Format(time.RFC3339))
		time.Sleep(time.Hour)
	}
}
