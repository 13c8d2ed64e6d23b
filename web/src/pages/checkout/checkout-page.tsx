import { A, createAsync, useNavigate } from "@solidjs/router";
import { ArrowLeft, Ban, FlaskConical, LockKeyhole, ShoppingCart, UserRound } from "lucide-solid";
import { createSignal, type JSX, Match, Show, Suspense, Switch } from "solid-js";
import { Alert } from "../../components/alert.tsx";
import { EmptyState } from "../../components/empty-state.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { EmailField, NameField } from "../../components/person-fields.tsx";
import { Spinner } from "../../components/spinner.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { apiErrorMessage } from "../../lib/api-error-message.ts";
import { formatPrice } from "../../lib/format-price.ts";
import { getPaymentConfig } from "../../lib/queries/payment-config.ts";
import { loginPathFor } from "../../lib/safe-next.ts";
import { useSession } from "../../lib/session.ts";
import { cartInput, createCartPricing } from "../../lib/shop/cart-pricing.ts";
import { isCartEmpty } from "../../lib/shop/cart-state.ts";
import { eventAccent } from "../../lib/shop/event-accent.ts";
import { rememberCheckout } from "../../lib/shop/pending-checkouts.ts";
import { cartPath, checkoutPath, downloadsPath } from "../../lib/shop/shop-paths.ts";
import type { CheckoutResult, PaymentConfig } from "../../lib/shop/shop-types.ts";
import { trpc } from "../../lib/trpc.ts";
import { PriceSummary } from "../cart/price-summary.tsx";
import { EventShell } from "../event/event-shell.tsx";
import { useShopEvent } from "../event/shop-event-context.ts";
import { StripePayment } from "./stripe-payment.tsx";
import { TestPaymentNotice } from "./test-payment-notice.tsx";

/** `/events/:slug/checkout`: who buys (guest: email and name), then the payment, then the downloads. */
export function CheckoutPage(): JSX.Element {
	return <EventShell>{() => <CheckoutContent />}</EventShell>;
}

function CheckoutContent(): JSX.Element {
	const { t } = useI18n();
	const shop = useShopEvent();
	const config = createAsync(() => getPaymentConfig());
	return (
		<div class="mx-auto w-full max-w-5xl px-4 pt-5 pb-16 sm:px-6 lg:px-8">
			<PageTitle>{t("checkout.metaTitle")}</PageTitle>
			<A
				href={cartPath(shop.event().slug)}
				class="-ml-1 inline-flex min-h-9 items-center gap-1.5 rounded-md px-1 text-sm font-medium text-ink-600 hover:text-ink-900"
			>
				<ArrowLeft class="size-4" aria-hidden="true" />
				{t("checkout.backToCart")}
			</A>
			<h1 class="mt-2 text-2xl font-extrabold text-ink-900 sm:text-3xl">{t("checkout.title")}</h1>
			<p class="mt-1 text-sm text-ink-600">{shop.event().name}</p>
			<Show
				when={!isCartEmpty(shop.cart().state())}
				fallback={
					<div class="mt-6">
						<EmptyState icon={ShoppingCart} title={t("cart.emptyTitle")} text={t("cart.emptyText")}>
							<A href={cartPath(shop.event().slug)} class="btn-primary">
								{t("checkout.backToCart")}
							</A>
						</EmptyState>
					</div>
				}
			>
				<Suspense fallback={<div class="card mt-6 h-64 animate-pulse" />}>
					<Show when={config()}>{(current) => <CheckoutForm config={current()} />}</Show>
				</Suspense>
			</Show>
		</div>
	);
}

function CheckoutForm(props: { config: PaymentConfig }): JSX.Element {
	const { t, intlLocale, locale } = useI18n();
	const shop = useShopEvent();
	const session = useSession();
	const navigate = useNavigate();
	const pricing = createCartPricing(
		() => shop.event().id,
		() => shop.cart().state(),
	);
	const [pending, setPending] = createSignal(false);
	const [error, setError] = createSignal<string>();
	const [order, setOrder] = createSignal<CheckoutResult>();
	const total = () => formatPrice(pricing.price()?.totalCents ?? 0, intlLocale());

	const startCheckout = async (form: HTMLFormElement): Promise<CheckoutResult | undefined> => {
		const data = new FormData(form);
		const guest = !session.user();
		try {
			return await trpc.orders.checkout.mutate({
				...cartInput(shop.event().id, shop.cart().state()),
				locale: locale(),
				...(guest
					? {
							email: String(data.get("email") ?? "").trim(),
							name: String(data.get("name") ?? "").trim() || undefined,
						}
					: {}),
			});
		} catch (err) {
			setError(apiErrorMessage(err, t));
			return undefined;
		}
	};

	const submit: JSX.EventHandler<HTMLFormElement, SubmitEvent> = async (event) => {
		event.preventDefault();
		if (pending()) return;
		setPending(true);
		setError(undefined);
		const created = await startCheckout(event.currentTarget);
		if (!created) {
			setPending(false);
			return;
		}
		if (created.mode === "test") {
			try {
				await trpc.orders.payTest.mutate({ downloadToken: created.downloadToken });
			} catch (err) {
				setError(apiErrorMessage(err, t));
				setPending(false);
				return;
			}
			shop.cart().clear();
			navigate(downloadsPath(created.downloadToken));
			return;
		}
		// Stripe: the order waits for its payment; the Payment Element takes over.
		setOrder(created);
		setPending(false);
	};

	const signedIn = () => session.user();

	return (
		<div class="mt-6 grid items-start gap-6 lg:grid-cols-[1fr_22rem]">
			<div class="space-y-4">
				<Show when={props.config.mode === "disabled"}>
					<EmptyState icon={Ban} title={t("checkout.disabledTitle")} text={t("checkout.disabledText")} />
				</Show>
				<Show when={props.config.mode !== "disabled"}>
					<Show
						when={order()}
						fallback={
							<form onSubmit={submit} class="card space-y-5 p-4 sm:p-6" data-testid="checkout-form">
								<section aria-labelledby="buyer-title" class="space-y-4">
									<h2 id="buyer-title" class="text-base font-bold text-ink-900">
										{t("checkout.buyerTitle")}
									</h2>
									<Show
										when={signedIn()}
										fallback={
											<>
												<EmailField label={t("checkout.email")} hint={t("checkout.emailHint")} />
												<NameField label={t("checkout.name")} />
												<p class="text-sm text-ink-600">
													{t("checkout.haveAccount")}{" "}
													<A
														href={loginPathFor(checkoutPath(shop.event().slug))}
														class="font-semibold text-brand-700 hover:underline"
													>
														{t("nav.login")}
													</A>
												</p>
											</>
										}
									>
										{(user) => (
											<p
												class="flex items-center gap-3 rounded-xl bg-ink-50 px-4 py-3 text-sm"
												data-testid="buyer-account"
											>
												<UserRound class="size-5 shrink-0 text-ink-400" aria-hidden="true" />
												<span class="min-w-0">
													<span class="block font-semibold text-ink-900">{user().name}</span>
													<span class="block truncate text-ink-600">{user().email}</span>
												</span>
											</p>
										)}
									</Show>
								</section>
								<section aria-labelledby="payment-title" class="space-y-3 border-t border-ink-100 pt-5">
									<h2 id="payment-title" class="text-base font-bold text-ink-900">
										{t("checkout.paymentTitle")}
									</h2>
									<Switch>
										<Match when={props.config.mode === "test"}>
											<TestPaymentNotice />
										</Match>
										<Match when={props.config.mode === "stripe"}>
											<p class="text-sm text-ink-600">{t("checkout.stripeIntro")}</p>
										</Match>
									</Switch>
								</section>
								<Show when={error()}>{(message) => <Alert tone="error">{message()}</Alert>}</Show>
								<button
									type="submit"
									class="btn-lg btn w-full shadow-sm"
									classList={{
										"bg-amber-400 text-ink-900 hover:bg-amber-300": props.config.mode === "test",
										"bg-(--accent) text-(--accent-fg) hover:brightness-110": props.config.mode !== "test",
									}}
									disabled={pending() || !pricing.price() || pricing.pending()}
									data-testid="pay-button"
								>
									<Show
										when={pending()}
										fallback={
											props.config.mode === "test" ? (
												<FlaskConical class="size-5" aria-hidden="true" />
											) : (
												<LockKeyhole class="size-5" aria-hidden="true" />
											)
										}
									>
										<Spinner class="size-5" />
									</Show>
									{pending()
										? t("checkout.processing")
										: props.config.mode === "test"
											? t("checkout.payTest", total())
											: t("checkout.continueToPayment")}
								</button>
							</form>
						}
					>
						{(created) => (
							<section class="card space-y-4 p-4 sm:p-6" aria-labelledby="card-title">
								<h2 id="card-title" class="text-base font-bold text-ink-900">
									{t("checkout.paymentTitle")}
								</h2>
								<Show
									when={props.config.publishableKey && created().clientSecret}
									fallback={<Alert tone="error">{t("checkout.stripeUnavailable")}</Alert>}
								>
									<StripePayment
										publishableKey={props.config.publishableKey ?? ""}
										clientSecret={created().clientSecret ?? ""}
										returnUrl={`${window.location.origin}${downloadsPath(created().downloadToken)}`}
										amount={formatPrice(created().totalCents, intlLocale())}
										accent={eventAccent(shop.event().primaryColor).background}
										onBeforeConfirm={() => rememberCheckout(created().downloadToken, shop.event().id)}
									/>
								</Show>
							</section>
						)}
					</Show>
				</Show>
			</div>
			<div class="lg:sticky lg:top-24">
				<Show
					when={pricing.price()}
					fallback={
						<Show
							when={pricing.error()}
							fallback={
								<div class="card h-56 animate-pulse" role="status" aria-label={t("common.loading")} />
							}
						>
							{(err) => <Alert tone="error">{apiErrorMessage(err(), t)}</Alert>}
						</Show>
					}
				>
					{(price) => <PriceSummary price={price()} packs={shop.event().packs} pending={pricing.pending()} />}
				</Show>
			</div>
		</div>
	);
}
