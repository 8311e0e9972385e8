"""The page's CSS and the small scripts Gradio does not provide: footnote jumps, Copy answer, the character counter."""

from __future__ import annotations

CSS = """
#cite-panel { max-height: 78vh; overflow-y: auto; }
.cite-card { border: 1px solid var(--border-color-primary); border-radius: 8px; padding: 10px 12px;
             margin-bottom: 12px; background: var(--background-fill-primary); transition: box-shadow .3s; }
/* The card a footnote jumped to: a ring that is seen at a glance, on light and dark themes. */
.cite-card.cite-active { box-shadow: 0 0 0 3px var(--color-accent); border-color: var(--color-accent);
                         background: var(--color-accent-soft); }
.cite-head { display: flex; gap: 8px; align-items: baseline; }
.cite-n { font-weight: 700; color: var(--color-accent); }
.cite-title { font-weight: 600; }
.cite-title-other { color: var(--body-text-color-subdued); font-size: .9em; }
.cite-docno { font-family: var(--font-mono); font-size: .85em; color: var(--body-text-color-subdued); }
.cite-where { margin: 6px 0; font-size: .92em; }
.cite-where b { font-weight: 600; }
.cite-quote { margin: 6px 0; padding: 6px 10px; border-left: 3px solid var(--color-accent);
              background: var(--background-fill-secondary); overflow-wrap: anywhere; }
.cite-parallel { display: grid; grid-template-columns: 1fr 1fr; gap: .5em; }
.cite-context { max-height: 11em; overflow-y: auto; white-space: pre-wrap; font-size: .85em; line-height: 1.5;
                padding: 6px 8px; border: 1px dashed var(--border-color-primary); border-radius: 6px;
                color: var(--body-text-color-subdued); overflow-wrap: anywhere; }
.cite-context mark { background: #fde68a; color: #111; padding: 0 1px; border-radius: 2px; }
.cite-meta { font-size: .75em; color: var(--body-text-color-subdued); margin-top: 4px; overflow-wrap: anywhere; }
.cite-tech { display: none; }
/* Gradio scopes custom CSS to its container, so the switch is a class on the panel, not on <body>. */
#cite-panel.show-tech .cite-tech { display: block; }
.cite-empty { color: var(--body-text-color-subdued); padding: 12px; }
.answer-actions { display: flex; justify-content: flex-end; margin-bottom: 8px; }
.copy-answer { font-size: .85em; padding: 3px 10px; border-radius: 6px; cursor: pointer;
               border: 1px solid var(--border-color-primary); background: var(--background-fill-secondary); }
.badge { display: inline-block; font-size: .8em; padding: 1px 8px; border-radius: 999px;
         border: 1px solid var(--border-color-primary); }
.badge-abstain { background: var(--background-fill-secondary); color: var(--body-text-color-subdued); }
#chat a.footnote { color: var(--color-accent); text-decoration: none; font-weight: 700; cursor: pointer;
                   font-size: .85em; vertical-align: super; line-height: 0; }
#chat a.footnote:hover { text-decoration: underline; }
#ask { white-space: nowrap; }
/* The chatbot's own trash button overlapped messages; conversations are deleted from the bar above. */
#chat button[aria-label="Clear"], #chat button[aria-label="清除"] { display: none; }
#conv-actions { flex-wrap: wrap; gap: 6px; }
#conv-actions button { white-space: nowrap; }
#q-count { font-size: .8em; color: var(--body-text-color-subdued); text-align: right; }
#q-count.near-limit { color: var(--color-accent); font-weight: 600; }
#input-status:empty { display: none; }
.ui-error { color: var(--error-text-color, #b91c1c); }
#load-status p { margin: 0; }
.library-wrap { overflow-x: auto; }
table.library { width: 100%; border-collapse: collapse; font-size: .9em; }
table.library th, table.library td { text-align: left; padding: 6px 8px; vertical-align: top;
                                     border-bottom: 1px solid var(--border-color-primary); }
table.library th { font-weight: 600; white-space: nowrap; }
table.library td.lib-id { font-family: var(--font-mono); font-size: .85em; }
table.library td.lib-num { text-align: right; }
@media (max-width: 640px) {
  #ask-row { flex-wrap: nowrap; }
  #ask { min-width: 64px !important; flex-grow: 0 !important; }
  .cite-parallel { grid-template-columns: 1fr; }
  #conv-bar { flex-wrap: wrap; }
  #conv-actions { flex-wrap: wrap; }
  #title h2 { font-size: 1.15rem; }
}
"""

# Document-level delegation, in the capture phase: it works however the chatbot
# renders or re-renders its Markdown, and runs before Gradio's own link handling
# (which would open the link in a new tab). The card may not exist yet when an
# older answer was clicked (its panel is being swapped in), so it retries.
HEAD_JS = """
<script>
(() => {
  document.documentElement.lang = 'zh-Hans';
  function showCitation(id, tries) {
    const card = document.getElementById(id);
    if (!card) {
      if (tries > 0) setTimeout(() => showCitation(id, tries - 1), 100);
      return;
    }
    document.querySelectorAll('.cite-card.cite-active').forEach((el) => el.classList.remove('cite-active'));
    card.classList.add('cite-active');
    card.scrollIntoView({ behavior: 'smooth', block: 'nearest' });
    const ctx = card.querySelector('.cite-context');
    const mark = ctx && ctx.querySelector('mark');
    if (ctx && mark) ctx.scrollTop = Math.max(0, mark.offsetTop - ctx.offsetTop - 24);
  }
  async function copyText(text) {
    // navigator.clipboard needs a secure context (https or localhost); a LAN address falls back.
    if (navigator.clipboard && window.isSecureContext) {
      try { await navigator.clipboard.writeText(text); return true; } catch (e) { /* fall back */ }
    }
    const area = document.createElement('textarea');
    area.value = text;
    area.style.position = 'fixed';
    area.style.left = '-9999px';
    document.body.appendChild(area);
    area.select();
    let ok = false;
    try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
    area.remove();
    return ok;
  }
  document.addEventListener('click', (ev) => {
    const target = ev.target && ev.target.closest ? ev.target : null;
    if (!target) return;
    const link = target.closest('a[href^="#cite-"]');
    if (link) {
      ev.preventDefault();
      showCitation(decodeURIComponent(link.getAttribute('href').slice(1)), 25);
      return;
    }
    const copy = target.closest('button.copy-answer');
    if (copy) {
      ev.preventDefault();
      const label = copy.textContent;
      copyText(copy.dataset.copy || '').then((ok) => {
        copy.textContent = ok ? '✓ Copied · 已复制' : 'Select and copy the text · 请手动复制';
        setTimeout(() => { copy.textContent = label; }, 1500);
      });
    }
  }, true);
  // The counter under the question box: typed, pasted or filled in by an example.
  function updateCount() {
    const box = document.querySelector('#question textarea');
    const out = document.getElementById('q-count');
    if (!box || !out) return;
    const max = parseInt(out.dataset.max || '0', 10);
    const n = box.value.length;
    const text = `${n} / ${max}`;
    if (out.textContent !== text) out.textContent = text;
    out.classList.toggle('near-limit', max > 0 && n > max * 0.9);
  }
  document.addEventListener('input', updateCount, true);
  setInterval(updateCount, 500);
})();
</script>
"""

# Runs inside the citations panel: after each update, scroll every context
# excerpt so its highlighted clause is in view (long clauses start mid-box).
PANEL_JS = """
const reveal = () => element.querySelectorAll('.cite-context').forEach((ctx) => {
  const mark = ctx.querySelector('mark');
  if (mark) ctx.scrollTop = Math.max(0, mark.offsetTop - ctx.offsetTop - 24);
});
reveal();
watch('value', reveal);
"""

# Client-side only: the technical details of citation cards, and the page language.
SHOW_TECH_JS = "(on) => { document.getElementById('cite-panel')?.classList.toggle('show-tech', !!on); }"
HTML_LANG_JS = "(lang) => { document.documentElement.lang = (lang === 'en') ? 'en' : 'zh-Hans'; }"
