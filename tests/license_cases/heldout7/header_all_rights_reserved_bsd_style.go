// Copyright 2026 The Fennec Browser Authors. All rights reserved.
// Use of this source code is governed by a BSD-style license that can be
// found in the LICENSE file.

// Package tabgroup keeps the order and colour of tab groups across restarts.
package tabgroup

import (
	"encoding/json"
	"os"
)

// Group is one named, coloured set of tabs.
type Group struct {
	Name   string   `json:"name"`
	Colour string   `json:"colour"`
	Tabs   []string `json:"tabs"`
}

// Load reads the saved groups; a missing file means no groups yet.
func Load(path string) ([]Group, error) {
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var groups []Group
	return groups, json.Unmarshal(data, &groups)
}
