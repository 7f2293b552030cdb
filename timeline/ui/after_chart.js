// Asks the server for the rest of the page once the first view's chart is drawn (or at once when the
// view has no chart, or after 5 s whatever happens), so the controls' scripts never compete with
// plotly.js for the first paint. Our own constant code: it reads no article text and builds no markup.
export default function ({ data, setTriggerValue }) {
  const started = performance.now();
  let asked = false;
  const drawn = () => [...document.querySelectorAll('[data-testid="stPlotlyChart"] .js-plotly-plot')]
    .some((plot) => plot.data && plot.offsetParent);
  const tick = () => {
    if (asked) return;
    if (!data.chart || drawn() || performance.now() - started > 5000) {
      asked = true;
      setTimeout(() => setTriggerValue("drawn", true), 0);   // after this frame is painted
    } else {
      requestAnimationFrame(tick);
    }
  };
  requestAnimationFrame(tick);
}
