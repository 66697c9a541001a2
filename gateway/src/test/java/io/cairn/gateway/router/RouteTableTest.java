package io.cairn.gateway.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Traefik's Test_addRoutePriority and TestGetRulePriority, ported, and the table's contract. */
class RouteTableTest {

  record R(String name, String rule, int priority) {}

  static String route(String path, R... routes) throws Exception {
    RouteTable.Builder<String> b = RouteTable.builder();
    for (R r : routes) {
      b.add(r.name(), r.rule(), null, r.priority(), r.name());
    }
    return b.build().match(Req.get("http://localhost" + path)).orElse("");
  }

  @Test
  void priorities() throws Exception {
    assertThat(route("/my", new R("header1", "PathPrefix(`/my`)", 10),
        new R("header2", "PathPrefix(`/my`)", 20))).isEqualTo("header2");
    assertThat(route("/my", new R("header1", "PathPrefix(`/my`)", 20),
        new R("header2", "PathPrefix(`/my`)", 10))).isEqualTo("header1");
    assertThat(route("/mypath", new R("header1", "PathPrefix(`/mypath`)", 10),
        new R("header2", "PathPrefix(`/my`)", 20))).isEqualTo("header2");
    assertThat(route("/mypath", new R("header1", "PathPrefix(`/mypath`)", 20),
        new R("header2", "PathPrefix(`/my`)", 10))).isEqualTo("header1");
    assertThat(route("/mypath", new R("header1", "PathPrefix(`/mypath`)", 0),
        new R("header2", "PathPrefix(`/my`)", 0))).isEqualTo("header1");
    assertThat(route("/mypath", new R("header1", "PathPrefix(`/my`)", 0),
        new R("header2", "PathPrefix(`/mypath`)", 0))).isEqualTo("header2");
    assertThat(route("/mypath", new R("header1", "PathPrefix(`/my`)", 0),
        new R("header2", "PathPrefix(`/mypa`)", 0), new R("header3", "PathPrefix(`/mypath`)", 0)))
        .isEqualTo("header3");
    assertThat(route("/other", new R("a", "PathPrefix(`/my`)", 0))).isEmpty();
  }

  @Test
  void defaultPriorityIsTheRuleLengthInBytes() throws Exception {
    assertThat(Rules.defaultPriority("Host(`example.org`)")).isEqualTo(19);
    assertThat(Rules.defaultPriority("HostRegexp(`[a-z]+\\.traefik\\.com`)")).isEqualTo(34);
    assertThat(Rules.defaultPriority("Host(`foobar.traefik.com`)")).isEqualTo(26);
    assertThat(Rules.defaultPriority("Path(`/é`)")).isEqualTo(11);
    RouteTable<String> t = RouteTable.<String>builder()
        .add("Router-2", "Host(`foobar.traefik.com`)", "", 0, "2")
        .add("Router-1", "HostRegexp(`[a-z]+\\.traefik\\.com`)", "", 0, "1").build();
    assertThat(t.routes()).extracting(RouteTable.Route::priority).containsExactly(34, 26);
    assertThat(t.match(Req.get("http://foobar.traefik.com/"))).contains("1");
    RouteTable<String> withPriority = RouteTable.<String>builder()
        .add("Router-2", "Host(`foobar.traefik.com`)", "", 0, "2")
        .add("Router-1", "HostRegexp(`[a-z]+\\.traefik\\.com`)", "", 2, "1").build();
    assertThat(withPriority.match(Req.get("http://foobar.traefik.com/"))).contains("2");
  }

  @Test
  void tiesGoToTheFirstNameSoTheOrderIsDeterministic() throws Exception {
    RouteTable<String> t = RouteTable.<String>builder()
        .add("b", "PathPrefix(`/x`)", null, 0, "b")
        .add("a", "PathPrefix(`/y`)", null, 0, "a")
        .add("c", "PathPrefix(`/`)", null, 16, "c").build();
    assertThat(t.routes()).extracting(RouteTable.Route::name).containsExactly("a", "b", "c");
  }

  @Test
  void mixesSyntaxesPerRouter() throws Exception {
    RouteTable<String> t = RouteTable.<String>builder()
        .add("v2", "HostRegexp(`{sub:[a-z]+}.traefik.com`)", "v2", 0, "v2")
        .add("v3", "HostRegexp(`^[a-z]+\\.example\\.com$`)", "v3", 0, "v3").build();
    assertThat(t.match(Req.get("http://abc.traefik.com/"))).contains("v2");
    assertThat(t.match(Req.get("http://abc.example.com/"))).contains("v3");
    assertThat(t.match(Req.get("http://abc.example.org/"))).isEmpty();
  }

  @Test
  void buildReportsEveryBadRouterByName() {
    RouteTable.Builder<String> b = RouteTable.<String>builder()
        .add("ok", "Path(`/`)", null, 0, "ok")
        .add("bad1", "Host(``)", null, 0, "x")
        .add("bad2", "Hots(`a`)", "v3", 0, "y")
        .add("bad3", "", null, 0, "z");
    assertThatThrownBy(b::build).isInstanceOf(InvalidRoutesException.class)
        .satisfies(e -> assertThat(((InvalidRoutesException) e).errors())
            .extracting(RouteError::router).containsExactly("bad1", "bad2", "bad3"))
        .hasMessageContaining("router bad2: error while parsing rule Hots(`a`): "
            + "unsupported function: Hots");
    List<RouteError> errors = new ArrayList<>();
    RouteTable<String> lenient = b.build(errors::add);
    assertThat(errors).hasSize(3);
    assertThat(lenient.routes()).extracting(RouteTable.Route::name).containsExactly("ok");
  }

  @Test
  void refusesDuplicateAndUnnamedRouters() {
    RouteTable.Builder<String> b = RouteTable.<String>builder().add("a", "Path(`/`)", null, 0, "");
    assertThatThrownBy(() -> b.add("a", "Path(`/`)", null, 0, ""))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("added twice");
    assertThatThrownBy(() -> b.add("", "Path(`/`)", null, 0, ""))
        .hasMessageContaining("router name is empty");
  }
}
