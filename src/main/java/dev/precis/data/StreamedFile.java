package dev.precis.data;

import dev.precis.config.DataConfig;
import dev.precis.io.InputFile;
import dev.precis.io.Sha256;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * A file that eval and predict read once, block by block, as the data source reads any input: a
 * file or standard input, opened by its content. It is an encoded part only when the prepared.json
 * beside it lists it for this pipeline; anything else goes through the pipeline, whatever its
 * columns. It is identified by the SHA-256 of the bytes read, which for a part must still be the
 * bytes prep wrote.
 */
public final class StreamedFile implements AutoCloseable {
  private final Path file;
  private final Optional<PreparedManifest.Part> part;
  private final MessageDigest digest;
  private final CsvHead head;

  private StreamedFile(
      Path file, Optional<PreparedManifest.Part> part, MessageDigest digest, CsvHead head) {
    this.file = file;
    this.part = part;
    this.digest = digest;
    this.head = head;
  }

  /**
   * Opens the file and reads its header.
   *
   * @param pipeline the pipeline its rows are to be encoded with
   * @throws dev.precis.PrecisException (data) when it cannot be read, or is a part prepared with
   *     another pipeline
   */
  static StreamedFile open(Path file, DataConfig config, FeaturePipeline pipeline) {
    Optional<PreparedManifest.Part> part = PreparedManifest.partFor(file, pipeline);
    // A part is a file, never standard input: check it before a single score goes out (to
    // standard output, say), and again as it is read, in case it changes in between.
    part.ifPresent(p -> PreparedManifest.checkUnchanged(file, p, InputFile.sha256(file)));
    MessageDigest digest = Sha256.newDigest();
    // prep writes a part as plain CSV, whatever the raw file's dialect that data.* describes
    DataConfig dialect = part.isPresent() ? PreparedDirectory.PART_DIALECT : config;
    return new StreamedFile(file, part, digest, CsvHead.open(file, dialect, digest));
  }

  /** The dialect, the columns and the blocks of records still to read. */
  public CsvHead head() {
    return head;
  }

  /** Whether the rows are a part `prep` wrote, already encoded. */
  public boolean isPreparedPart() {
    return part.isPresent();
  }

  /**
   * The SHA-256 of every byte read; call it once the last block is read.
   *
   * @throws dev.precis.PrecisException (data) when the file is a part that changed since prep
   */
  public String sha256() {
    String sha256 = Sha256.hex(digest);
    part.ifPresent(p -> PreparedManifest.checkUnchanged(file, p, sha256));
    return sha256;
  }

  @Override
  public void close() {
    head.close();
  }
}
