package cn.hxay.alarm.devices;

import java.util.List;

import cn.hxay.alarm.Device;
import cn.hxay.alarm.DeviceKind;
import cn.hxay.alarm.Devices;
import cn.hxay.alarm.IssuedToken;
import cn.hxay.alarm.VenueDeviceDetails;
import cn.hxay.identity.CurrentUser;
import cn.hxay.organisation.DataScope;
import cn.hxay.shared.ForbiddenException;
import cn.hxay.shared.InvalidInputException;
import cn.hxay.shared.NotFoundException;
import cn.hxay.shared.PageRequest;
import cn.hxay.surroundings.NearbySchool;
import cn.hxay.surroundings.Venue;
import cn.hxay.surroundings.VenueFilter;
import cn.hxay.surroundings.Venues;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Registration of one-key alarms at venues near schools (护校联防: a shop, a home, a 警务室),
 * for police users only: the page and its API. The device belongs to the venue's
 * responsible station; the school it protects is the nearest one unless another within
 * the venue's safety zone is chosen.
 */
@Controller
@Tag(name = "设备与联网率")
class VenueDeviceController {

	private final Devices devices;

	private final Venues venues;

	VenueDeviceController(Devices devices, Venues venues) {
		this.devices = devices;
		this.venues = venues;
	}

	/** The form as typed: every field text, so nothing typed is lost. */
	record VenueDeviceForm(String code, String venueId, String schoolId, String place, String vendor, String model,
			String mustBeNetworked) {

		VenueDeviceDetails details() {
			return new VenueDeviceDetails(code, id(venueId), id(schoolId), place, vendor, model,
					!"false".equals(mustBeNetworked));
		}

		/**
		 * A blank choice is none; text that is no id names nothing (refused by field).
		 */
		private static Long id(String text) {
			if (text == null || text.isBlank()) {
				return null;
			}
			try {
				return Long.valueOf(text.strip());
			}
			catch (NumberFormatException ex) {
				return -1L;
			}
		}

	}

	@GetMapping("/devices/venue/new")
	String form(@ModelAttribute("form") VenueDeviceForm form, CurrentUser user, DataScope scope, Model model) {
		requireRegistrar(user);
		addChoices(scope, form, model);
		return "alarm/venue-device-form";
	}

	@PostMapping("/devices/venue/new")
	String register(@ModelAttribute("form") VenueDeviceForm form, CurrentUser user, DataScope scope, Model model,
			HttpServletResponse response) {
		requireRegistrar(user);
		try {
			IssuedToken issued = devices.registerAtVenue(user, scope, form.details());
			model.addAttribute("issued", List.of(issued));
			return "alarm/device-token";
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("errors", ex.byField());
			addChoices(scope, form, model);
			return "alarm/venue-device-form";
		}
	}

	/** A registered venue device and its token (shown this once). */
	record Registered(long id, String code, DeviceKind kind, String owner, long venueId, String venueName,
			long schoolId, String schoolCode, String schoolName, Long stationId, String place, String token) {

		static Registered of(IssuedToken issued) {
			Device d = issued.device();
			return new Registered(d.id(), d.code(), d.kind(), d.owner().name(), d.venueId(), d.venueName(),
					d.schoolId(), d.schoolCode(), d.schoolName(), d.stationId(), d.place(), issued.token());
		}

	}

	@PostMapping("/api/v1/devices/venue")
	@ResponseBody
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "登记周边场所的一键报警 (护校联防)",
			description = "仅公安用户；场所及其责任派出所须在管辖范围内，否则 404；schoolId 为空时所护学校取最近的学校。令牌只返回这一次")
	Registered registerApi(@RequestBody VenueDeviceDetails details, CurrentUser user, DataScope scope) {
		return Registered.of(devices.registerAtVenue(user, scope, details));
	}

	private void requireRegistrar(CurrentUser user) {
		if (!devices.mayRegisterAtVenue(user)) {
			throw new ForbiddenException("只有公安（市局、分局、派出所）可以登记周边场所的一键报警");
		}
	}

	/**
	 * The venues of the user's stations, and the schools the chosen venue may protect,
	 * nearest first.
	 */
	private void addChoices(DataScope scope, VenueDeviceForm form, Model model) {
		List<Venue> choices = venues.search(scope, VenueFilter.none(), PageRequest.of(0, PageRequest.MAX_SIZE))
			.items()
			.stream()
			.filter(v -> scope.unrestricted() || scope.covers(v.stationId()))
			.toList();
		model.addAttribute("venues", choices);
		List<NearbySchool> near = List.of();
		Long venueId = form.details().venueId();
		if (venueId != null && choices.stream().anyMatch(v -> v.id() == venueId)) {
			try {
				near = venues.schoolsNear(scope, venueId);
			}
			catch (NotFoundException ex) {
				// listed a moment ago, gone now: no schools to offer
			}
		}
		model.addAttribute("schools", near);
		model.addAttribute("zoneMetres", venues.zoneMetres());
	}

}
