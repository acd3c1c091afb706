// Draws each statistics chart from the data its element carries (data-chart); the table beside it holds
// the same numbers, so the page is complete without this script.
(function () {
  function draw(element) {
    var data = JSON.parse(element.getAttribute('data-chart'));
    if (!data.categories || data.categories.length === 0) {
      element.classList.add('empty');
      return;
    }
    var horizontal = data.horizontal === true;
    // every unit's or leader's name is shown; month labels are the short ones the page sends, and any that
    // would still touch their neighbour are left out (the table beside the chart has every month)
    var categoryAxis = { type: 'category', data: data.categories, axisLabel: { interval: 0, hideOverlap: true } };
    if (data.labels) {
      categoryAxis.axisLabel.formatter = function (value, index) { return data.labels[index]; };
    }
    var valueAxis = { type: 'value', minInterval: 1 };
    var series = data.series.map(function (s) {
      return {
        name: s.name,
        type: s.type,
        stack: s.stacked ? 'tasks' : undefined,
        yAxisIndex: !horizontal && s.axis === 1 ? 1 : 0,
        itemStyle: s.colour ? { color: s.colour } : undefined,
        data: s.data,
        connectNulls: true
      };
    });
    var option = {
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      series: series
    };
    if (horizontal) {
      categoryAxis.inverse = true;
      option.xAxis = valueAxis;
      option.yAxis = categoryAxis;
      element.classList.add('rows-' + Math.min(data.categories.length, 12));
    } else {
      option.xAxis = categoryAxis;
      // the rate axis goes unnamed: its name would sit on the legend, which names the rate's line already
      option.yAxis = [valueAxis, { type: 'value', min: 0, max: 100,
        axisLabel: { formatter: '{value}%' }, splitLine: { show: false } }];
    }
    var chart = echarts.init(element, null, { renderer: 'canvas' });
    chart.setOption(option);
    window.addEventListener('resize', function () { chart.resize(); });
  }

  document.addEventListener('DOMContentLoaded', function () {
    if (typeof echarts === 'undefined') {
      return;
    }
    document.querySelectorAll('.chart[data-chart]').forEach(draw);
  });
})();
