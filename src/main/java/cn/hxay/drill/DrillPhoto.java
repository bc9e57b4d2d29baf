package cn.hxay.drill;

import java.time.Instant;

/** A photo kept with a drill record (its bytes are fetched one at a time). */
public record DrillPhoto(long id, String contentType, String caption, String uploadedBy, Instant uploadedAt) {
}
