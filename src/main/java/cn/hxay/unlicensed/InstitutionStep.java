package cn.hxay.unlicensed;

import java.time.Instant;

/** One step on an institution's ledger: 发现立案, 办证销号, 取缔销号, 复查. */
public record InstitutionStep(String action, String note, Instant at, String byName, String byUnit) {

}
