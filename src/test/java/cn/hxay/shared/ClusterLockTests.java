package cn.hxay.shared;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import cn.hxay.support.PlatformTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A named lock is held by one transaction in the cluster at a time, released at commit,
 * and refused outside a transaction (where it would be released at once).
 */
@PlatformTest
class ClusterLockTests {

	@Autowired
	ClusterLock lock;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void oneTransactionAtATimeHoldsANamedLock() throws Exception {
		CountDownLatch held = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> transactions.execute(status -> {
			boolean taken = lock.tryTake("test.cluster-lock");
			held.countDown();
			await(release);
			return taken;
		}));
		assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(tryInNewTransaction("test.cluster-lock")).as("another node's transaction holds it").isFalse();
		assertThat(tryInNewTransaction("test.other-lock")).as("names are independent").isTrue();
		release.countDown();
		assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
		assertThat(tryInNewTransaction("test.cluster-lock")).as("released at commit").isTrue();
		transactions.executeWithoutResult(status -> lock.await("test.cluster-lock"));
	}

	@Test
	void aLockOutsideATransactionIsRefused() {
		assertThatThrownBy(() -> lock.tryTake("test.cluster-lock"))
			.isInstanceOf(IllegalTransactionStateException.class);
	}

	private boolean tryInNewTransaction(String name) {
		Boolean taken = transactions.execute(status -> lock.tryTake(name));
		return Boolean.TRUE.equals(taken);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
