package cn.hxay.demo;

/**
 * The demo accounts; their password is printed in the README. Only created in demo mode.
 */
public final class DemoUsers {

	public static final String PASSWORD = "Demo@2026";

	public static final String ADMIN = "admin";

	public static final String CITY_EDUCATION = "city.edu";

	public static final String CITY_POLICE = "city.police";

	public static final String COUNTY_EDUCATION = "tianning.edu";

	public static final String OTHER_COUNTY_EDUCATION = "wujin.edu";

	public static final String COUNTY_POLICE = "tianning.police";

	public static final String STATION_OFFICER = "qinglong.police";

	public static final String SCHOOL_LEAD = "school.lead";

	public static final String INSPECTOR = "inspector";

	private DemoUsers() {
	}

}
