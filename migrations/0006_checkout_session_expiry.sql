-- A new Checkout session closes the tenant's other open ones: the app marks them expired.
GRANT UPDATE (expires_at) ON checkout_sessions TO governor_app;
