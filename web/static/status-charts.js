// The reporting-status charts, drawn from the table of rates over the years that sits under
// them (the table is the accessible form; the chart repeats it). Each series has its own line
// pattern and point shape as well as its colour, so the chart also reads in black and white.
(function () {
  'use strict';
  function draw() {
    var canvas = document.getElementById('status-chart');
    var table = document.getElementById('status-history');
    if (!canvas || !table || typeof window.Chart === 'undefined') return;
    var rows = Array.prototype.slice.call(table.querySelectorAll('tbody tr[data-year]'));
    var heading = function (series) {
      var th = table.querySelector('th[data-series="' + series + '"]');
      return th ? th.textContent.trim() : series;
    };
    var values = function (attribute) {
      return rows.map(function (tr) {
        var value = tr.getAttribute(attribute);
        return value === '' ? null : Number(value);
      });
    };
    var series = [
      { key: 'reporting', attribute: 'data-reporting', colour: '#1f5fa8', dash: [], point: 'circle' },
      { key: 'on_time', attribute: 'data-on-time', colour: '#2e7d32', dash: [8, 4], point: 'rect' },
      { key: 'restricted', attribute: 'data-restricted', colour: '#8e3b00', dash: [2, 3], point: 'triangle' },
    ];
    new window.Chart(canvas, {
      type: 'line',
      data: {
        labels: rows.map(function (tr) { return tr.getAttribute('data-year'); }),
        datasets: series.map(function (s) {
          return {
            label: heading(s.key), data: values(s.attribute), borderColor: s.colour, backgroundColor: s.colour,
            borderDash: s.dash, pointStyle: s.point, pointRadius: 5, borderWidth: 2, spanGaps: true,
          };
        }),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: { y: { min: 0, max: 100, ticks: { callback: function (v) { return v + ' %'; } } } },
        plugins: { legend: { labels: { usePointStyle: true } } },
      },
    });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', draw);
  else draw();
})();
