// The cluster map's lines: from each service card to the pods it selects (data-links, data-links-unready) and from the
// kubernetes service to the API server, found by their data-link-id. They only repeat the cards' text, so they are
// decoration. A redraw is asked for after each render of the map (at most ten a second), on resize and when a pod list
// scrolls; all of them within one animation frame make a single measurement pass and a single write to the SVG.
// Hovering or focusing a service highlights its lines and pods; hovering a pod highlights the services that select it.

export function attach(root) {
    return new ServiceLines(root);
}

const escape = text => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

class ServiceLines {
    constructor(root) {
        this.root = root;
        this.svg = root.querySelector(':scope > svg.map-lines');
        this.frame = 0;
        this.targets = new Map(); // data-link-id → element, as of the last paint
        this.hovered = null; // { kind: 'service' | 'pod', id }
        this.focused = null;
        this.schedule = () => {
            if (!this.frame) this.frame = requestAnimationFrame(() => { this.frame = 0; this.render(); });
        };
        this.onOver = e => this.track(e, 'hovered');
        this.onOut = e => this.untrack(e, 'hovered');
        this.onFocusIn = e => this.track(e, 'focused');
        this.onFocusOut = e => this.untrack(e, 'focused');
        this.resizer = new ResizeObserver(this.schedule);
        this.resizer.observe(root);
        // Scroll events do not bubble: capturing them here catches every pod list that scrolls inside the map.
        root.addEventListener('scroll', this.schedule, true);
        root.addEventListener('mouseover', this.onOver);
        root.addEventListener('mouseout', this.onOut);
        root.addEventListener('focusin', this.onFocusIn);
        root.addEventListener('focusout', this.onFocusOut);
        this.schedule();
    }

    /// Called by the component after each render.
    draw() {
        this.schedule();
    }

    dispose() {
        cancelAnimationFrame(this.frame);
        this.resizer.disconnect();
        this.root.removeEventListener('scroll', this.schedule, true);
        this.root.removeEventListener('mouseover', this.onOver);
        this.root.removeEventListener('mouseout', this.onOut);
        this.root.removeEventListener('focusin', this.onFocusIn);
        this.root.removeEventListener('focusout', this.onFocusOut);
        this.svg.innerHTML = '';
    }

    subject(element) {
        const card = element instanceof Element ? element.closest('.service-card, .pod-chip') : null;
        if (!card || !this.root.contains(card)) return null;
        return card.classList.contains('service-card')
            ? { kind: 'service', id: card.getAttribute('aria-labelledby'), element: card }
            : { kind: 'pod', id: card.dataset.linkId, element: card };
    }

    track(event, slot) {
        const subject = this.subject(event.target);
        if (!subject || (this[slot] && this[slot].element === subject.element)) return;
        this[slot] = subject;
        this.highlight();
    }

    untrack(event, slot) {
        const current = this[slot];
        if (!current || current.element.contains(event.relatedTarget)) return;
        this[slot] = null;
        this.highlight();
    }

    render() {
        this.paint();
        this.highlight();
    }

    /// Measures the cards and the pods they select, then replaces the SVG's content in one write. A line to a pod runs in
    /// the gaps between cards, so it never crosses what they say: out of its service's left side, down the gutter to a
    /// bus under the services, along the left edge to the nodes, down the gutter beside the pod's node, into the pod.
    paint() {
        const base = this.root.getBoundingClientRect();
        const at = (x, y) => `${(x - base.left).toFixed(1)} ${(y - base.top).toFixed(1)}`;
        const targets = this.targets = new Map();
        for (const element of this.root.querySelectorAll('[data-link-id]')) targets.set(element.dataset.linkId, element);
        const list = this.root.querySelector('.service-list');
        const lane = list?.getBoundingClientRect();
        const laneGutter = list ? (parseFloat(getComputedStyle(list).columnGap) || 8) / 2 : 4;
        const grid = this.root.querySelector('.node-grid');
        const nodes = grid?.getBoundingClientRect();
        const gutter = grid ? (parseFloat(getComputedStyle(grid).columnGap) || 12) / 2 : 6;
        const parts = [];
        let index = 0;
        for (const card of this.root.querySelectorAll('.service-card')) {
            const service = card.getAttribute('aria-labelledby');
            const from = card.getBoundingClientRect();
            if (from.width === 0) continue;
            const system = card.classList.contains('service-system') ? ' is-system' : '';
            // Each service's trunk runs a little apart from the others', so two services' lines do not become one.
            const offset = 2 * (index++ % 4);
            const ends = new Set();
            for (const [attribute, state] of [['links', 'is-ready'], ['linksUnready', 'is-unready']]) {
                for (const id of (card.dataset[attribute] || '').split(' ')) {
                    const target = id && targets.get(id);
                    if (!target) continue;
                    const node = nodes && target.closest('.node-card');
                    let d, end;
                    if (node) {
                        end = this.entry(target);
                        const left = nodes.left - gutter - 2 - offset;
                        const nodeLeft = node.getBoundingClientRect().left;
                        const column = nodeLeft - nodes.left < 2 ? left : nodeLeft - gutter;
                        const exit = from.left - lane.left < 2 ? left : from.left - laneGutter;
                        d = `M${at(from.left, from.top + Math.min(from.height / 2, 14))} H${(exit - base.left).toFixed(1)} V${(lane.bottom + 6 + offset - base.top).toFixed(1)}`
                            + ` H${(left - base.left).toFixed(1)} V${(nodes.top - 5 - base.top).toFixed(1)} H${(column - base.left).toFixed(1)}`
                            + ` V${(end.y - base.top).toFixed(1)} H${(end.x - base.left).toFixed(1)}`;
                    } else {
                        // Up to the control plane (the kubernetes service's API server): a plain curve.
                        const rect = target.getBoundingClientRect();
                        end = { x: rect.left + rect.width / 2, y: rect.bottom };
                        const x0 = from.left + from.width / 2;
                        const bend = (from.top - end.y) / 2;
                        d = `M${at(x0, from.top)} C${at(x0, from.top - bend)} ${at(end.x, end.y + bend)} ${at(end.x, end.y)}`;
                    }
                    // Pods scrolled out of their list all point at its edge: one line says "more down there".
                    const key = `${Math.round(end.x)},${Math.round(end.y)}`;
                    if (ends.has(key)) continue;
                    ends.add(key);
                    const attributes = `data-service="${escape(service)}" data-target="${escape(id)}"`;
                    parts.push(`<path class="map-line ${state}${system}" ${attributes} d="${d}"/>`);
                    parts.push(`<circle class="map-line-end ${state}${system}" ${attributes} cx="${(end.x - base.left).toFixed(1)}" cy="${(end.y - base.top).toFixed(1)}" r="3"/>`);
                }
            }
        }
        this.svg.innerHTML = parts.join('');
    }

    /// Where a line enters a pod: the middle of its left edge, kept inside the pod list that scrolls it.
    entry(target) {
        const rect = target.getBoundingClientRect();
        let y = rect.top + rect.height / 2;
        const list = target.closest('.pod-list');
        if (list) {
            const clip = list.getBoundingClientRect();
            y = Math.min(Math.max(y, clip.top + 4), clip.bottom - 4);
        }
        return { x: rect.left, y };
    }

    /// Marks the lines, pods and services that belong to what is hovered (or else focused); a redraw keeps the marks.
    highlight() {
        const active = this.hovered || this.focused;
        for (const element of this.root.querySelectorAll('.is-linked')) element.classList.remove('is-linked');
        this.svg.classList.toggle('has-active', !!active);
        if (!active) return;
        const attribute = active.kind === 'service' ? 'data-service' : 'data-target';
        const lines = this.svg.querySelectorAll(`[${attribute}="${CSS.escape(active.id)}"]`);
        for (const line of lines) line.classList.add('is-linked');
        if (active.kind === 'service') {
            const ids = `${active.element.dataset.links || ''} ${active.element.dataset.linksUnready || ''}`.split(' ').filter(Boolean);
            for (const id of ids) this.targets.get(id)?.classList.add('is-linked');
        } else {
            for (const line of lines) this.root.querySelector(`.service-card[aria-labelledby="${CSS.escape(line.dataset.service)}"]`)?.classList.add('is-linked');
        }
        active.element.classList.add('is-linked');
    }
}
