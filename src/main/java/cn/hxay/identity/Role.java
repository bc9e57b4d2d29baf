package cn.hxay.identity;

import java.util.Optional;
import java.util.Set;

import cn.hxay.organisation.OrganisationKind;

/**
 * What a user does on the platform, the kinds of unit a user with this role may belong
 * to, and whether the role only reads. A read-only role changes nothing anywhere: the
 * security configuration refuses every write of a user whose roles are all read-only (see
 * {@link #readOnly()}), so a new read-only role is one declaration here.
 */
public enum Role {

	SYSTEM_ADMIN("系统管理员", Set.of(OrganisationKind.PLATFORM)),
	CITY_EDUCATION_ADMIN("市教育局管理员", Set.of(OrganisationKind.CITY_EDUCATION_BUREAU)),
	COUNTY_EDUCATION_ADMIN("县(区)教育局管理员", Set.of(OrganisationKind.COUNTY_EDUCATION_BUREAU)),
	CITY_POLICE("市公安局(治安/内保)", Set.of(OrganisationKind.CITY_PUBLIC_SECURITY_BUREAU)),
	COUNTY_POLICE("县(区)公安局(治安/内保)", Set.of(OrganisationKind.COUNTY_PUBLIC_SECURITY_BUREAU)),
	STATION_OFFICER("派出所民警", Set.of(OrganisationKind.POLICE_STATION)),
	SCHOOL_SAFETY_LEAD("学校安全负责人(校长/保卫干部)", Set.of(OrganisationKind.SCHOOL)),
	INSPECTOR("督导员", Set.of(OrganisationKind.CITY_EDUCATION_BUREAU, OrganisationKind.COUNTY_EDUCATION_BUREAU), true);

	private final String label;

	private final Set<OrganisationKind> unitKinds;

	private final boolean readOnly;

	Role(String label, Set<OrganisationKind> unitKinds) {
		this(label, unitKinds, false);
	}

	Role(String label, Set<OrganisationKind> unitKinds, boolean readOnly) {
		this.label = label;
		this.unitKinds = unitKinds;
		this.readOnly = readOnly;
	}

	public String label() {
		return label;
	}

	public boolean fits(OrganisationKind kind) {
		return unitKinds.contains(kind);
	}

	/**
	 * Whether this role only reads: a user whose roles are all read-only gets 403 on
	 * every write (any HTTP method but GET, HEAD, OPTIONS and TRACE) on pages and API
	 * alike, except signing out and changing their own password.
	 */
	public boolean readOnly() {
		return readOnly;
	}

	/** The role behind a Spring Security authority name, if it is one. */
	public static Optional<Role> ofAuthority(String authority) {
		for (Role role : values()) {
			if (role.authority().equals(authority)) {
				return Optional.of(role);
			}
		}
		return Optional.empty();
	}

	/** The Spring Security authority name, e.g. {@code ROLE_SYSTEM_ADMIN}. */
	public String authority() {
		return "ROLE_" + name();
	}

}
