package cn.hxay;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/**
 * 护校安园 · 校园安全风险防控平台: a modular monolith with one top-level package per business
 * capability.
 */
@SpringBootApplication
@Modulithic(systemName = "护校安园", sharedModules = "shared")
public class CampusSafetyApplication {

	public static void main(String[] args) {
		SpringApplication.run(CampusSafetyApplication.class, args);
	}

}
