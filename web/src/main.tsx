// Mantine's styles component by component rather than the whole 300 KB sheet: only what the
// screens use reaches the users, many of whom are on slow connections.
import '@mantine/core/styles/baseline.css';
import '@mantine/core/styles/default-css-variables.css';
import '@mantine/core/styles/global.css';
import '@mantine/core/styles/UnstyledButton.css';
import '@mantine/core/styles/VisuallyHidden.css';
import '@mantine/core/styles/Paper.css';
import '@mantine/core/styles/Popover.css';
import '@mantine/core/styles/CloseButton.css';
import '@mantine/core/styles/Group.css';
import '@mantine/core/styles/Center.css';
import '@mantine/core/styles/Stack.css';
import '@mantine/core/styles/Loader.css';
import '@mantine/core/styles/Overlay.css';
import '@mantine/core/styles/ModalBase.css';
import '@mantine/core/styles/Modal.css';
import '@mantine/core/styles/Input.css';
import '@mantine/core/styles/PasswordInput.css';
import '@mantine/core/styles/ActionIcon.css';
import '@mantine/core/styles/Button.css';
import '@mantine/core/styles/Alert.css';
import '@mantine/core/styles/Badge.css';
import '@mantine/core/styles/Table.css';
import '@mantine/core/styles/Text.css';
import '@mantine/core/styles/Title.css';
import '@mantine/core/styles/SegmentedControl.css';
import '@mantine/core/styles/Progress.css';
import '@mantine/core/styles/Anchor.css';
import '@mantine/core/styles/Divider.css';
import './app.css';

import { MantineProvider } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import './i18n.ts';

const root = document.getElementById('root');
if (!root) throw new Error('#root tidak ada di index.html');

createRoot(root).render(
  <StrictMode>
    {/* The CSP forbids inline <style> elements, so Mantine's runtime style tags are turned off;
        the default variables come from default-css-variables.css and the app's own settings
        (font, cursor) are plain CSS variables in app.css. */}
    <MantineProvider withCssVariables={false} withGlobalClasses={false} defaultColorScheme="light">
      <App />
    </MantineProvider>
  </StrictMode>,
);
