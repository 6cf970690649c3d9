"use client";

import { useCallback, useEffect, useRef } from "react";

/**
 * Holds back an update that may move things on the page while a mouse button or finger is down. Pressing on a
 * control first takes the focus from the field being left; if leaving the field shows a hint or a message above the
 * control, the control moves away before the button is released and the click is lost. Such updates run just after
 * the click instead (at once when nothing is pressed, e.g. leaving a field with Tab).
 */
export function useAfterPress(): (update: () => void) => void {
  const pressed = useRef(false);
  const queued = useRef<(() => void)[]>([]);

  useEffect(() => {
    const flush = () => {
      pressed.current = false;
      const updates = queued.current.splice(0);
      // After the click that this release completes has been dispatched.
      if (updates.length > 0) setTimeout(() => updates.forEach((u) => u()), 0);
    };
    const down = () => {
      pressed.current = true;
    };
    window.addEventListener("pointerdown", down, true);
    window.addEventListener("pointerup", flush, true);
    window.addEventListener("pointercancel", flush, true);
    window.addEventListener("dragend", flush, true);
    return () => {
      window.removeEventListener("pointerdown", down, true);
      window.removeEventListener("pointerup", flush, true);
      window.removeEventListener("pointercancel", flush, true);
      window.removeEventListener("dragend", flush, true);
    };
  }, []);

  return useCallback((update: () => void) => {
    if (pressed.current) queued.current.push(update);
    else update();
  }, []);
}
