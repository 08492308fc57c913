// The two chart kinds the console draws (Chart.js, only the parts used are registered).

import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from "chart.js";

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
);

const options = { animation: false as const, responsive: true, maintainAspectRatio: false };

export function barChart(canvas: HTMLCanvasElement, label: string): Chart<"bar", number[], string> {
  return new Chart(canvas, {
    type: "bar",
    data: { labels: [], datasets: [{ label, data: [], backgroundColor: "#2f6f4f" }] },
    options,
  });
}

export function lineChart(canvas: HTMLCanvasElement, label: string): Chart<"line", number[], string> {
  return new Chart(canvas, {
    type: "line",
    data: { labels: [], datasets: [{ label, data: [], borderColor: "#8a3b12", pointRadius: 2 }] },
    options: { ...options, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
  });
}
