package cn.hxay.dutypost;

import java.time.LocalDate;
import java.util.List;

/** The coverage of a day: in total and per county, station and post. */
public record Coverage(LocalDate day, CoverageLine total, List<CoverageLine> counties, List<CoverageLine> stations,
		List<CoverageLine> posts) {

}
