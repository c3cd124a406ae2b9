import { usePage } from "./context.ts";

const SIZES = ["small", "medium", "large"] as const;

/** Text size (A A A) and Print. They need scripts, so they are hidden when scripts cannot run. */
export function ReadingTools() {
  const { words } = usePage().site.config;
  const labels = { small: words.textSmall, medium: words.textMedium, large: words.textLarge };
  return (
    <div class="reading-tools js-only">
      <span class="reading-tools-label">{words.textSize}</span>
      {SIZES.map((size) => (
        <button
          key={size}
          class={`text-size text-size-${size}`}
          type="button"
          data-set-text-size={size}
          aria-pressed={size === "medium" ? "true" : "false"}
          aria-label={labels[size]}
          title={labels[size]}
        >
          A
        </button>
      ))}
      <button class="print-button" type="button" data-print="">
        {words.print}
      </button>
    </div>
  );
}
