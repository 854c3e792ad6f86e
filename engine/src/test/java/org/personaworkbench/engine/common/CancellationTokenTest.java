package org.personaworkbench.engine.common;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CancellationTokenTest {

    @Test
    void awaitCancelTimesOutWhileNotCancelledAndReturnsOnceCancelledFromAnotherThread() throws Exception {
        CancellationToken token = CancellationToken.create();
        assertFalse(token.awaitCancel(1, TimeUnit.MILLISECONDS));
        CompletableFuture.runAsync(token::cancel);
        assertTrue(token.awaitCancel(30, TimeUnit.SECONDS));
        assertTrue(token.isCancelled());
        assertThrows(CancelledException.class, token::throwIfCancelled);
    }
}
