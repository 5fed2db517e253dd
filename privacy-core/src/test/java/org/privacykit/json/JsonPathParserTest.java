package org.privacykit.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** RFC 9535's grammar, and what a streaming masker refuses. */
class JsonPathParserTest {

    private static List<JsonPath.Segment> parse(String path) {
        return JsonPath.parse(path).segments();
    }

    private static JsonPath.Segment child(JsonPath.Selector... selectors) {
        return new JsonPath.Segment(false, List.of(selectors));
    }

    private static JsonPath.Segment descendant(JsonPath.Selector... selectors) {
        return new JsonPath.Segment(true, List.of(selectors));
    }

    private static JsonPath.Name name(String name) {
        return new JsonPath.Name(name);
    }

    @Test
    void parse_childSegments_shorthandAndBracketed() {
        assertThat(parse("$")).isEmpty();
        assertThat(parse("$.a.b_1.ключ")).containsExactly(child(name("a")), child(name("b_1")), child(name("ключ")));
        assertThat(parse("$['a b'][\"c'd\"]['e\\'f']")).containsExactly(child(name("a b")), child(name("c'd")), child(name("e'f")));
        assertThat(parse("$.*[*]")).containsExactly(child(new JsonPath.Wildcard()), child(new JsonPath.Wildcard()));
        assertThat(parse("$[0][12]")).containsExactly(child(new JsonPath.Index(0)), child(new JsonPath.Index(12)));
        assertThat(parse("$[ 'a' , 0 ,* ]")).containsExactly(child(name("a"), new JsonPath.Index(0), new JsonPath.Wildcard()));
        assertThat(parse("$ .a\n[0]")).containsExactly(child(name("a")), child(new JsonPath.Index(0)));
    }

    @Test
    void parse_descendantSegments() {
        assertThat(parse("$..a..*..[0, 'b']")).containsExactly(descendant(name("a")), descendant(new JsonPath.Wildcard()),
                descendant(new JsonPath.Index(0), name("b")));
    }

    @Test
    void parse_slices() {
        assertThat(parse("$[1:3]")).containsExactly(child(new JsonPath.Slice(1, 3, 1)));
        assertThat(parse("$[:3]")).containsExactly(child(new JsonPath.Slice(0, 3, 1)));
        assertThat(parse("$[2:]")).containsExactly(child(new JsonPath.Slice(2, Integer.MAX_VALUE, 1)));
        assertThat(parse("$[::2]")).containsExactly(child(new JsonPath.Slice(0, Integer.MAX_VALUE, 2)));
        assertThat(parse("$[ 1 : 9 : 3 ]")).containsExactly(child(new JsonPath.Slice(1, 9, 3)));
    }

    @Test
    void parse_escapesInQuotedNames() {
        assertThat(parse("$['\\b\\f\\n\\r\\t\\/\\\\\\u00e9\\uD83D\\uDE00']"))
                .containsExactly(child(name("\b\f\n\r\t/\\é😀")));
    }

    @Test
    void parse_refusesWhatIsNotRfc9535() {
        for (String bad : new String[] {"", "a", "$a", "$.", "$..", "$...a", "$.1a", "$.a-b", "$[", "$[0", "$['a'", "$[a]",
                "$[01]", "$[-0]", "$[1.0]", "$['\\x']", "$['\\u12']", "$['\\uDC00']", "$['\\uD800']", "$['\u0001']",
                "$[9007199254740992]", "$.a ", " $.a", "$[0,]", "$[]", "$['a' 'b']", "$.a['b']x"}) {
            assertThatThrownBy(() -> JsonPath.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("JSON path '" + bad + "'").hasMessageContaining("(at index");
        }
        assertThatThrownBy(() -> JsonPath.parse("$.a-b")).hasMessageContaining("write other names as ['name']");
    }

    @Test
    void parse_refusesWhatAStreamCannotEvaluate_andWhatSelectsNothing() {
        assertThatThrownBy(() -> JsonPath.parse("$[-1]")).hasMessageContaining("negative index -1")
                .hasMessageContaining("which a stream reaches last: not supported");
        assertThatThrownBy(() -> JsonPath.parse("$[-2:]")).hasMessageContaining("negative bound");
        assertThatThrownBy(() -> JsonPath.parse("$[:-1]")).hasMessageContaining("negative bound");
        assertThatThrownBy(() -> JsonPath.parse("$[5:1:-1]")).hasMessageContaining("negative step");
        assertThatThrownBy(() -> JsonPath.parse("$[?@.a]")).hasMessageContaining("filter selectors");
        assertThatThrownBy(() -> JsonPath.parse("$..[?@.a]")).hasMessageContaining("filter selectors");
        assertThatThrownBy(() -> JsonPath.parse("$[0:10:0]")).hasMessageContaining("step 0 selects nothing");
        assertThatThrownBy(() -> JsonPath.parse("$[3:3]")).hasMessageContaining("selects nothing");
        assertThatThrownBy(() -> JsonPath.parse("$[4:1]")).hasMessageContaining("selects nothing");
        assertThatThrownBy(() -> JsonPath.parse("$[2147483647]")).hasMessageContaining("largest array index");
    }
}
