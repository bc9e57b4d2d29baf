package cn.hxay.tip;

import java.time.Instant;

/** A photo the reporter added (its bytes are fetched one at a time). */
public record TipAttachment(long id, String contentType, int sizeBytes, Instant uploadedAt) {
}
