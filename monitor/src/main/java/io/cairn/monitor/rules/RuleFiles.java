package io.cairn.monitor.rules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads rule files: {@code rule_files} globs (already resolved against the configuration file's
 * directory) expanded as Go's {@code filepath.Glob} (a pattern without a match, or a plain name of
 * a file that does not exist, adds nothing; matches sorted), each file read (at most {@link
 * #MAX_FILE_BYTES}), parsed and validated as {@code rulefmt.ParseFile}.
 */
public final class RuleFiles {
  /** Largest rule file read; a larger one is refused. */
  public static final long MAX_FILE_BYTES = 16L << 20;

  /** The groups of one file. */
  record Loaded(String file, List<GroupSpec> groups) {}

  private RuleFiles() {}

  /** The file names the patterns match, in order, each once. */
  static List<String> expand(List<String> patterns) {
    Set<String> out = new LinkedHashSet<>();
    for (String pattern : patterns) {
      out.addAll(glob(pattern));
    }
    return List.copyOf(out);
  }

  private static List<String> glob(String pattern) {
    if (!hasMeta(pattern)) {
      return Files.exists(Path.of(pattern)) ? List.of(pattern) : List.of();
    }
    int slash = pattern.lastIndexOf('/');
    String dir = slash < 0 ? "." : slash == 0 ? "/" : pattern.substring(0, slash);
    String prefix = slash < 0 ? "" : pattern.substring(0, slash + 1);
    PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + pattern.substring(slash + 1));
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(Path.of(dir))) {
      for (Path p : ds) {
        if (m.matches(p.getFileName())) {
          names.add(prefix + p.getFileName());
        }
      }
    } catch (IOException e) {
      return List.of(); // Go's Glob ignores I/O errors
    }
    names.sort(null);
    return names;
  }

  private static boolean hasMeta(String s) {
    return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0;
  }

  /** Loads every file the patterns match; all errors of all files together. */
  static List<Loaded> load(List<String> patterns) throws RuleFileException {
    List<Loaded> out = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (String file : expand(patterns)) {
      try {
        out.add(new Loaded(file, parseFile(Path.of(file))));
      } catch (RuleFileException e) {
        errors.addAll(e.errors());
      }
    }
    if (!errors.isEmpty()) {
      throw new RuleFileException(errors);
    }
    return out;
  }

  /** Reads, parses and validates one file; errors are prefixed with the file name as given. */
  static List<GroupSpec> parseFile(Path file) throws RuleFileException {
    String text;
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
      if (bytes.length > MAX_FILE_BYTES) {
        throw new RuleFileException(List.of(file + ": rule file is larger than " + MAX_FILE_BYTES + " bytes"));
      }
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new RuleFileException(List.of(file + ": yaml: invalid UTF-8"));
    } catch (IOException e) {
      throw new RuleFileException(List.of(file + ": open " + file + ": " + e.getMessage()));
    }
    List<String> errors = new ArrayList<>();
    List<GroupSpec> groups = parse(text, errors);
    if (!errors.isEmpty()) {
      throw new RuleFileException(errors.stream().map(e -> file + ": " + e).toList());
    }
    return groups;
  }

  /** Parses and validates rule file text; errors (without a file name) go to {@code errors}. */
  static List<GroupSpec> parse(String text, List<String> errors) {
    YNode root;
    try {
      root = RuleYaml.parse(text);
    } catch (RuleYaml.SyntaxError e) {
      errors.add(e.getMessage());
      return List.of();
    }
    List<GroupSpec> groups = RuleDecoder.decode(root, errors);
    if (!errors.isEmpty()) {
      return List.of();
    }
    errors.addAll(RuleValidator.validate(groups));
    return groups;
  }
}
