// Package tidecalc predicts tide heights from harmonic constituents.
//
// Copyright 2024 The Tidecalc Authors.
// You may use, change and pass on this file under the Apache License,
// version 2.0; a copy of that license is in the LICENSE file at the top of
// this repository. Nothing here is offered under any other terms.
package tidecalc

import (
	"math"
	"time"
)

// Constituent is one harmonic term: amplitude in metres, phase in degrees,
// speed in degrees per hour.
type Constituent struct {
	Amplitude, Phase, Speed float64
}

// Height returns the predicted height at t relative to the epoch.
func Height(epoch, t time.Time, cs []Constituent) float64 {
	hours := t.Sub(epoch).Hours()
	var h float64
	for _, c := range cs {
		h += c.Amplitude * math.Cos((c.Speed*hours-c.Phase)*math.Pi/180)
	}
	return h
}
