package cn.hxay;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module boundaries hold: no cycles, no reaching into another module's internals.
 * Also writes the module diagrams and canvases to {@code target/spring-modulith-docs}.
 */
class ModuleStructureTests {

	private final ApplicationModules modules = ApplicationModules.of(CampusSafetyApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		modules.verify();
	}

	@Test
	void everyCapabilityIsAModule() {
		assertThat(modules.stream().map(module -> module.getIdentifier().toString())).contains("organisation",
				"identity", "audit", "school", "demo", "portal", "shared", "posture", "compliance", "hazard",
				"inspection", "notification", "alarm", "keyperson");
	}

	@Test
	void writesDocumentation() {
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml().writeModuleCanvases();
	}

}
