// Starts Blazor so a lost circuit comes back by itself: retries quickly, then steadily, for as long as the tab is open;
// and when the server no longer knows the circuit (it restarted), reloads the page, which reopens the sandbox in the URL.
const retryInterval = attempt => attempt < 10 ? 500 : attempt < 60 ? 2000 : 10000;

Blazor.start({ circuit: { reconnectionOptions: { maxRetries: 100000, retryIntervalMilliseconds: retryInterval } } });

const banner = document.getElementById('components-reconnect-modal');
new MutationObserver(() => {
    if (banner.classList.contains('components-reconnect-rejected')) location.reload();
}).observe(banner, { attributes: true, attributeFilter: ['class'] });
