// Keyboard for every tablist on the page (WAI-ARIA tabs, automatic activation): arrows, Home and End focus another
// tab and click it, which selects it; one listener on the document, so tabs rendered later need no set-up.
const moves = { ArrowRight: i => i + 1, ArrowLeft: i => i - 1, Home: () => 0, End: (_, n) => n - 1 };

document.addEventListener('keydown', event => {
    const move = moves[event.key];
    const tablist = event.target.closest?.('[role="tablist"]');
    if (!move || !tablist || event.altKey || event.ctrlKey || event.metaKey) return;
    const tabs = [...tablist.querySelectorAll('[role="tab"]')];
    const index = tabs.indexOf(event.target);
    if (index < 0) return;
    event.preventDefault();
    const target = tabs[(move(index, tabs.length) + tabs.length) % tabs.length];
    target.focus();
    target.click();
});
