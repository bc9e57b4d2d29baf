package cn.hxay.hazard;

import java.time.Instant;

/** A photo kept with a hazard (its bytes are fetched one at a time). */
public record HazardPhoto(long id, String contentType, int sizeBytes, String caption, String uploadedBy,
		Instant uploadedAt) {
}
