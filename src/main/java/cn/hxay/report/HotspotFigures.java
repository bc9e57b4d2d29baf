package cn.hxay.report;

import java.util.List;

import cn.hxay.hotspot.Hotspots;

import org.springframework.stereotype.Component;

/**
 * The hotspot register's figures for a unit (治安乱点 and how many are fixed), offered to the
 * Annex 2 columns 校园周边治安乱点情况 / 是否整改. The register is police-only, so only a police unit
 * gets them, and they are police-only.
 */
@Component
class HotspotFigures implements ReportFigureSource {

	static final String SOURCE = "治安乱点台账";

	private final Hotspots hotspots;

	HotspotFigures(Hotspots hotspots) {
		this.hotspots = hotspots;
	}

	@Override
	public List<ReportFigure> figures(FigureRequest request) {
		long[] f = hotspots.figures(request.scope());
		if (f == null) {
			return List.of();
		}
		return List.of(new ReportFigure("hotspot.total", "治安乱点（处）", f[0], SOURCE, true),
				new ReportFigure("hotspot.fixed", "已整改治安乱点（处）", f[1], SOURCE, true));
	}

}
