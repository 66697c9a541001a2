package io.cairn.gateway.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.gateway.proxy.BodyFilter;
import io.cairn.gateway.server.Target;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.junit.jupiter.api.Test;

/** No request path, however encoded, reaches a file outside the root (fuzzed with jqwik). */
class SafePathTest {
  private static Path base;
  private static Path root;
  private static FileServer server;

  @BeforeContainer
  static void setUp() throws Exception {
    base = Files.createTempDirectory("safepath");
    root = Files.createDirectories(base.resolve("root"));
    Files.writeString(base.resolve("secret.txt"), "secret");
    Files.createDirectories(root.resolve("sub"));
    Files.writeString(root.resolve("sub/a.txt"), "a");
    Files.writeString(root.resolve("index.html"), "index");
    Files.createSymbolicLink(root.resolve("link"), base.resolve("secret.txt"));
    Files.createSymbolicLink(root.resolve("dirlink"), base);
    server = new FileServer(new FileServerSpec(root, FileServerSpec.DEFAULT_INDEX_NAMES, true, List.of(), List.of()));
  }

  @AfterContainer
  static void tearDown() {
    // temp files are left to the OS: the tree holds symbolic links
  }

  @Provide
  Arbitrary<String> paths() {
    Arbitrary<String> segment = Arbitraries.of("..", ".", "%2e%2e", "%2E%2e", ".%2e", "%2F", "%2f", "/", "//", "\\",
        "%5c", "%00", "sub", "a.txt", "secret.txt", "link", "dirlink", "root", "index.html", "%", "%2", "?", "#", "x");
    return segment.list().ofMaxSize(12).map(s -> "/" + String.join("/", s));
  }

  @Property(tries = 3000)
  void neverServesAFileOutsideTheRoot(@ForAll("paths") String path) throws Exception {
    Path realRoot = root.toRealPath();
    Target t = server.serve("GET", path, new DefaultHttpHeaders());
    if (t instanceof Target.Stream s) {
      for (Target.Part p : s.parts()) {
        if (p instanceof Target.Part.FileRange f) {
          assertThat(f.file().toRealPath()).startsWith(realRoot);
        }
        if (p instanceof Target.Part.Bytes b) {
          assertThat(new String(b.bytes())).doesNotContain("secret\"").doesNotContain(">secret.txt<");
        }
      }
      assertThat(s.filter()).isSameAs(BodyFilter.NONE);
    }
  }

  @Property(tries = 3000)
  void cleanedPathsHaveNoDotSegments(@ForAll("paths") String path) {
    String decoded;
    try {
      decoded = SafePath.decode(SafePath.rawPath(path));
    } catch (SafePath.BadEscape e) {
      return;
    }
    SafePath.clean(decoded).ifPresent(c -> {
      assertThat(c).startsWith("/").doesNotContain("//");
      assertThat(List.of(c.split("/"))).doesNotContain("..", ".");
      assertThat(root.resolve(c.substring(1)).normalize().startsWith(root)).as(c).isTrue();
    });
  }

  @Test
  void cleanIsGosPathClean() {
    assertThat(SafePath.clean("/../a/./b/../c//")).contains("/a/c");
    assertThat(SafePath.clean("")).contains("/");
    assertThat(SafePath.clean("/a\\..\\b")).isEmpty();
    assertThat(SafePath.decode("/a%2Fb%20c")).isEqualTo("/a/b c");
    assertThat(SafePath.rawPath("http://h:1/x/y?q=1")).isEqualTo("/x/y");
  }
}
