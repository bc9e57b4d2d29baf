package cn.hxay.organisation;

/**
 * Input for adding a unit to the tree.
 */
public record NewOrganisation(String name, OrganisationKind kind, String regionCode, Long parentId) {

	public NewOrganisation {
		name = name == null ? null : name.strip();
	}

}
