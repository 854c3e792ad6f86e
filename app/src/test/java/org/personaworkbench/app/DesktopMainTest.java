package org.personaworkbench.app;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** The installed desktop launcher always opens the GUI, on the file a double-click passed. */
class DesktopMainTest {

    @Test
    void desktopLauncherOpensTheGuiOnTheDoubleClickedProject() {
        assertArrayEquals(new String[] {"gui", "/home/ana/shop.mv.db"},
                DesktopMain.guiArguments(new String[] {"/home/ana/shop.mv.db"}));
    }

    @Test
    void desktopLauncherWithoutAFileOpensTheWelcomeScreen() {
        assertArrayEquals(new String[] {"gui"}, DesktopMain.guiArguments(new String[0]));
    }
}
