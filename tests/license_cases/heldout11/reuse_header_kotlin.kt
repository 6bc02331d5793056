// SPDX-FileCopyrightText: 2024 Stadtwerke Nordheide GmbH
// SPDX-FileCopyrightText: 2024 Jana Petersen <jana.petersen@nordheide.example>
//
// SPDX-License-Identifier: EUPL-1.2

package de.nordheide.zaehler.api

import kotlinx.serialization.Serializable

/** One meter reading as the metering gateway reports it. */
@Serializable
data class Reading(
    val meterId: String,
    val timestamp: Long,
    val kWh: Double,
)

fun List<Reading>.total(): Double = sumOf { it.kWh }
