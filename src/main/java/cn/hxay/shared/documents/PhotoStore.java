package cn.hxay.shared.documents;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one way to keep photos taken as evidence (hazards, inspection items): checked by
 * {@link Photos} (type from the file's own bytes, size), stored with their type, size,
 * who and when in the module's own photo table, listed without their bytes, and sent back
 * one at a time as an image that is never cached or sniffed. Each module keeps its own
 * table; {@code labelColumn} is what the photo is of (a caption, an item key).
 */
public final class PhotoStore {

	private static final Pattern NAME = Pattern.compile("[a-z_]+");

	/** A stored photo without its bytes. */
	public record StoredPhoto(long id, String label, String contentType, int sizeBytes, String uploadedBy,
			Instant uploadedAt) {
	}

	/** A photo's bytes with the type checked when it was stored. */
	public record PhotoContent(String contentType, byte[] bytes) {

		/** The photo as an answer: its own type, never cached, never sniffed. */
		public ResponseEntity<byte[]> response() {
			return ResponseEntity.ok()
				.contentType(MediaType.parseMediaType(contentType))
				.cacheControl(CacheControl.noStore())
				.header("X-Content-Type-Options", "nosniff")
				.body(bytes);
		}

	}

	private final JdbcClient jdbc;

	private final String table;

	private final String owner;

	private final String label;

	public PhotoStore(JdbcClient jdbc, String table, String ownerColumn, String labelColumn) {
		for (String name : List.of(table, ownerColumn, labelColumn)) {
			if (!NAME.matcher(name).matches()) {
				throw new IllegalArgumentException("not a column or table name: " + name);
			}
		}
		this.jdbc = jdbc;
		this.table = table;
		this.owner = ownerColumn;
		this.label = labelColumn;
	}

	/**
	 * Checks the photo ({@link Photos#checkedType}: refused in Chinese when empty, too
	 * large or not an image) and returns its media type; stores nothing.
	 */
	public static String check(byte[] bytes) {
		return Photos.checkedType(bytes);
	}

	/** Stores a photo already checked; returns its id. */
	public long insert(long ownerId, String labelValue, String contentType, byte[] bytes, String by, Instant at) {
		return jdbc
			.sql("insert into " + table + " (" + owner + ", " + label
					+ ", content_type, size_bytes, bytes, uploaded_by, uploaded_at)"
					+ " values (?, ?, ?, ?, ?, ?, ?) returning id")
			.params(ownerId, labelValue, contentType, bytes.length, bytes, by, Timestamp.from(at))
			.query(Long.class)
			.single();
	}

	/** The photos of one aggregate, in the order stored, without their bytes. */
	public List<StoredPhoto> list(long ownerId) {
		return jdbc
			.sql("select id, " + label + ", content_type, size_bytes, uploaded_by, uploaded_at from " + table
					+ " where " + owner + " = ? order by id")
			.param(ownerId)
			.query((rs, n) -> new StoredPhoto(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
					rs.getString(5), rs.getTimestamp(6).toInstant()))
			.list();
	}

	/** How many photos the aggregate has. */
	public int count(long ownerId) {
		return jdbc.sql("select count(*) from " + table + " where " + owner + " = ?")
			.param(ownerId)
			.query(Integer.class)
			.single();
	}

	/** One photo's bytes, if it belongs to the aggregate. */
	public Optional<PhotoContent> content(long ownerId, long photoId) {
		return jdbc.sql("select content_type, bytes from " + table + " where " + owner + " = ? and id = ?")
			.params(ownerId, photoId)
			.query((rs, n) -> new PhotoContent(rs.getString(1), rs.getBytes(2)))
			.optional();
	}

}
