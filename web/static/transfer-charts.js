// The transfers charts (explorer and State pages), each drawn from the table that follows it:
// a table with data-chart="<canvas id>" gives one bar per row, from its data-label and
// data-value. The table stays the accessible form; the chart repeats it.
(function () {
  'use strict';
  function draw() {
    if (typeof window.Chart === 'undefined') return;
    document.querySelectorAll('table[data-chart]').forEach(function (table) {
      var canvas = document.getElementById(table.getAttribute('data-chart'));
      if (!canvas) return;
      var rows = Array.prototype.slice.call(table.querySelectorAll('tbody tr[data-value]'));
      var caption = table.querySelector('caption');
      new window.Chart(canvas, {
        type: 'bar',
        data: {
          labels: rows.map(function (tr) { return tr.getAttribute('data-label'); }),
          datasets: [{
            label: caption ? caption.textContent.trim() : '',
            data: rows.map(function (tr) { return Number(tr.getAttribute('data-value')); }),
            backgroundColor: '#1f5fa8',
          }],
        },
        options: {
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
          plugins: { legend: { display: false } },
        },
      });
    });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', draw);
  else draw();
})();
