import { Menu, MenuButton, MenuItem, MenuList, MenuPopover } from '@fluentui/react-components';
import { useRef, useState } from 'react';

export interface RowMenuProps {
  label: string;
  disabled: boolean;
  item: string;
  onSelect: () => void;
}

/**
 * A row's "more actions" button, whose Menu is mounted only once it is opened: a closed Fluent Menu
 * with its trigger and positioning cost about a millisecond a row on every page shown. The button
 * stays the one element throughout, so focus and a pointer on it are never lost to a remount.
 */
export function RowMenu(props: RowMenuProps) {
  const [open, setOpen] = useState(false);
  const [mounted, setMounted] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const show = () => {
    setMounted(true);
    setOpen(true);
  };
  return (
    <>
      <MenuButton
        ref={button}
        appearance="subtle"
        size="small"
        disabled={props.disabled}
        aria-label={props.label}
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => (open ? setOpen(false) : show())}
        onKeyDown={(e) => {
          // What MenuTrigger does for a menu button: the arrow opens it too.
          if (e.key === 'ArrowDown' && !open) {
            e.preventDefault();
            show();
          }
        }}
      />
      {mounted && (
        <Menu
          open={open}
          onOpenChange={(e, data) => {
            // A click on the button itself toggles it there; the menu's own outside-click must not reopen it.
            if (!data.open && e.target instanceof Node && button.current?.contains(e.target) && e.type !== 'keydown') return;
            setOpen(data.open);
            // As MenuTrigger does: a key or a chosen item closing the menu leaves focus on its button,
            // a click elsewhere leaves it where that click put it.
            const inMenu = e.target instanceof Element && e.target.closest('[role="menu"]') !== null;
            if (!data.open && (e.type === 'keydown' || inMenu)) button.current?.focus();
          }}
          positioning={{ target: button.current }}
        >
          <MenuPopover>
            <MenuList>
              <MenuItem onClick={props.onSelect}>{props.item}</MenuItem>
            </MenuList>
          </MenuPopover>
        </Menu>
      )}
    </>
  );
}
