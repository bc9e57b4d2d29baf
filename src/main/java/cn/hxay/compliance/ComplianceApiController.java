package cn.hxay.compliance;

import java.util.List;

import cn.hxay.identity.CurrentUser;
import cn.hxay.organisation.DataScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rates and findings for other systems.
 */
@RestController
@Tag(name = "合规与达标率", description = "按地区的达标率（含分子分母）与学校的逐条评估结论")
class ComplianceApiController {

	private final Compliance compliance;

	ComplianceApiController(Compliance compliance) {
		this.compliance = compliance;
	}

	@GetMapping("/api/v1/compliance/rates")
	@Operation(summary = "地区达标率",
			description = "region 为市或县(区)代码；areaKey 为 * 的是调用者可见范围内的合计，areaName 为该范围（如县级用户查看全市时为本县）")
	List<Rate> rates(CurrentUser user, DataScope scope, @RequestParam String region) {
		String total = compliance.scopeName(user.organisationId(), scope, region);
		return compliance.rates(scope, region)
			.stream()
			.map(r -> r.areaKey().equals("*") ? new Rate(r.areaKey(), total, r.metric(), r.numerator(), r.denominator())
					: r)
			.toList();
	}

	@GetMapping("/api/v1/compliance/schools/{id}/findings")
	@Operation(summary = "学校的逐条评估结论")
	List<Finding> findings(DataScope scope, @PathVariable long id) {
		return compliance.findings(scope, id);
	}

}
