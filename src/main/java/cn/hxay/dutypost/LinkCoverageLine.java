package cn.hxay.dutypost;

/**
 * The police links of the schools of one county or station.
 *
 * @param key the filter that lists these schools, e.g. {@code regionCode=320402}
 * @param roomRequired schools that must have a 警务室 or 治安岗亭
 */
public record LinkCoverageLine(String key, String name, int schools, int withLegal, int withLiaison, int roomRequired,
		int withRoom) {

	public int lacking(Lack lack) {
		return switch (lack) {
			case LEGAL -> schools - withLegal;
			case LIAISON -> schools - withLiaison;
			case ROOM -> roomRequired - withRoom;
		};
	}

	public Integer rate(Lack lack) {
		int base = lack == Lack.ROOM ? roomRequired : schools;
		return base == 0 ? null : (int) Math.round((base - lacking(lack)) * 100.0 / base);
	}

}
