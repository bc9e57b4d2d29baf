package cn.hxay.inspection;

import java.time.LocalDate;
import java.util.List;

import cn.hxay.organisation.DataScope;
import cn.hxay.shared.PageRequest;
import cn.hxay.shared.Paged;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Campaigns, their progress and each school's answers for other systems (a province's
 * platform, reporting tools), read-only and within the caller's data scope; sensitive
 * answers only for police accounts.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "护校安园大检查", description = "检查任务、各地进度与各校检查表（只读）")
class InspectionApiController {

	private final Inspections inspections;

	InspectionApiController(Inspections inspections) {
		this.inspections = inspections;
	}

	record CampaignResource(long id, String title, String issuers, String scopeRegion, String template,
			List<Phase> phases, LocalDate selfCheckFrom, LocalDate selfCheckDue, String reporting) {

		static CampaignResource of(Campaign c) {
			return new CampaignResource(c.id(), c.title(), c.issuers(), c.scopeRegion(), c.template().label(),
					c.phases(), c.selfCheckFrom(), c.selfCheckDue(), c.reporting());
		}

	}

	record InspectionSummary(long id, long schoolId, String schoolName, String regionCode, String stationName,
			String state, String stateLabel, boolean missed, LocalDate due, boolean cosigned, boolean sampled,
			String sampleResult) {
	}

	record Answer(String section, String key, String label, String answer, String verdict, String explanation) {
	}

	record InspectionResource(InspectionSummary summary, String headmaster, String cosignedBy, String reviewComment,
			List<Answer> answers) {
	}

	@GetMapping("/inspection-campaigns")
	@Operation(summary = "检查任务列表（分页，最新在前）")
	Paged<CampaignResource> campaigns(DataScope scope, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return inspections.campaigns(scope, PageRequest.of(page, size)).map(CampaignResource::of);
	}

	@GetMapping("/inspection-campaigns/{id}/progress")
	@Operation(summary = "各县（区）进度：下发、已提交、已验收、已退回、逾期未报、抽查；最后一行为合计")
	List<CampaignProgress> progress(@PathVariable long id, DataScope scope) {
		return inspections.progress(scope, id);
	}

	@GetMapping("/inspection-campaigns/{id}/inspections")
	@Operation(summary = "各校检查表（分页）",
			description = "state 可为 ASSIGNED、DRAFT、SUBMITTED、RETURNED、ACCEPTED，或进度表的 REPORTED（已提交，含已验收）、MISSED（逾期未报）、SAMPLED（市级抽中）")
	Paged<InspectionSummary> list(@PathVariable long id, DataScope scope, @RequestParam(required = false) String region,
			@RequestParam(required = false) String state, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return inspections.inspections(scope, id, region, state, null, PageRequest.of(page, size)).map(this::summary);
	}

	@GetMapping("/inspections/{id}")
	@Operation(summary = "一所学校的检查表：每项的填报、结论与依据；敏感项只对公安用户给出")
	InspectionResource one(@PathVariable long id, DataScope scope) {
		Inspection i = inspections.get(scope, id);
		List<Answer> answers = i.findings(inspections.templateOf(i), scope.policeData())
			.stream()
			.filter(f -> f.item().type() != ItemType.PHOTO)
			.map(f -> new Answer(f.section(), f.item().key(), f.item().label(), f.shown(),
					f.verdict() == null ? null : f.verdict().label(), f.explanation()))
			.toList();
		return new InspectionResource(summary(i), i.headmaster(), i.cosignedBy(), i.reviewComment(), answers);
	}

	private InspectionSummary summary(Inspection i) {
		return new InspectionSummary(i.id(), i.schoolId(), i.schoolName(), i.regionCode(), i.stationName(),
				i.state().name(), i.state().label(), inspections.missed(i), i.due(), i.cosignedBy() != null,
				i.sampled(), i.sampleResult());
	}

}
