// Light or dark: the reader's saved choice, else their system's. Loaded in <head> so the first paint already has it.
(() => {
    const key = 'playground.theme';
    // Storage can be blocked (private mode, a sandboxed iframe), where even reading it throws: the page then keeps the
    // choice until it is reloaded, and nothing here ever throws into the observer below.
    let chosen = null;
    const saved = () => {
        if (chosen) return chosen;
        try {
            return localStorage.getItem(key);
        } catch {
            return null;
        }
    };
    const save = theme => {
        chosen = theme;
        try {
            localStorage.setItem(key, theme);
        } catch {
            // Kept for this page only.
        }
    };
    const systemDark = window.matchMedia?.('(prefers-color-scheme: dark)');
    const system = () => systemDark?.matches ? 'dark' : 'light';

    // Writes only what changed: this runs on every DOM change, and a rewritten attribute would restyle the page.
    const set = (element, name, value) => element.getAttribute(name) === value || element.setAttribute(name, value);
    const apply = theme => {
        set(document.documentElement, 'data-bs-theme', theme);
        for (const toggle of document.querySelectorAll('[data-theme-toggle]')) set(toggle, 'aria-pressed', String(theme === 'dark'));
    };
    const current = () => saved() ?? system();

    apply(current());
    // Toggles rendered later (by Blazor) or after an enhanced navigation get their state here.
    new MutationObserver(() => apply(current())).observe(document, { childList: true, subtree: true });
    systemDark?.addEventListener?.('change', () => apply(current()));

    // One listener for every toggle, so it works on static and interactive pages alike.
    document.addEventListener('click', event => {
        if (!event.target.closest?.('[data-theme-toggle]')) return;
        const next = current() === 'dark' ? 'light' : 'dark';
        save(next);
        apply(next);
    });
})();
