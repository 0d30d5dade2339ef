package dev.modelzoo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code --freeze-up-to} takes a layer index or a layer name. */
class LayerArgumentTest {

    @Test
    void digitsAreAnIndexAndAnythingElseAName() {
        assertThat(LayerArgument.index("3")).isEqualTo(3);
        assertThat(LayerArgument.name("3")).isNull();
        assertThat(LayerArgument.index("block_16_project_BN")).isNull();
        assertThat(LayerArgument.name("block_16_project_BN")).isEqualTo("block_16_project_BN");
        assertThat(LayerArgument.index("-1")).isNull();
        assertThat(LayerArgument.name("-1")).isEqualTo("-1");
        assertThat(LayerArgument.index(null)).isNull();
        assertThat(LayerArgument.name(null)).isNull();
    }
}
